// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title A plain ERC-20 whose owner mints: for trying token donations on a dev chain and in tests.
contract DemoToken is ERC20, Ownable {
    constructor(string memory name_, string memory symbol_) ERC20(name_, symbol_) Ownable(msg.sender) {}

    /// Mints `amount` to `to`; ERC-20's Transfer event from the zero address records it.
    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
