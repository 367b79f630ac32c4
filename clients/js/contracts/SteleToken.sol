// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// A capped, owner-mintable ERC-20 with both revert styles clients must decode:
/// a custom error with arguments (CapExceeded) and a require with a reason string (strictTransfer).
contract SteleToken is ERC20, Ownable {
    uint256 public immutable cap;

    error CapExceeded(uint256 requested, uint256 cap);

    constructor(uint256 initialSupply, uint256 cap_) ERC20("Stele Token", "STL") Ownable(msg.sender) {
        cap = cap_;
        _mint(msg.sender, initialSupply);
    }

    function mint(address to, uint256 amount) external onlyOwner {
        uint256 requested = totalSupply() + amount;
        if (requested > cap) revert CapExceeded(requested, cap);
        _mint(to, amount);
    }

    function strictTransfer(address to, uint256 amount) external returns (bool) {
        require(balanceOf(msg.sender) >= amount, "SteleToken: balance too low");
        _transfer(msg.sender, to, amount);
        return true;
    }
}
