// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

/// An ERC-721 with a supply limit (custom error SoldOut) and a require-with-reason guard on burn.
contract SteleCollectible is ERC721 {
    uint256 public immutable maxSupply;
    uint256 public nextId;

    error SoldOut(uint256 maxSupply);

    constructor(uint256 maxSupply_) ERC721("Stele Collectible", "STC") {
        maxSupply = maxSupply_;
    }

    function mint(address to) external returns (uint256 id) {
        if (nextId >= maxSupply) revert SoldOut(maxSupply);
        id = nextId++;
        _safeMint(to, id);
    }

    function burn(uint256 id) external {
        require(ownerOf(id) == msg.sender, "SteleCollectible: not the owner");
        _burn(id);
    }
}
