// Generated from the compiled ABI (apps/notary/.../contracts/Notary.json) with Keccak-256; NotaryPageAbiTest checks every
// value against the ABI, so a contract change that is not carried here fails the build.

/** Function selectors by signature. */
export const FUNCTIONS = {
  "createDocument(bytes32,address[],uint8)": "0xe1bfb86e",
  "revoke(bytes32,string)": "0x08ccbc94",
  "sign(bytes32)": "0x799cd333",
  "signFor(bytes32,address,bytes)": "0x3c827d36",
  "stamp(bytes32)": "0xdd89581f",
  "stampBatch(bytes32,uint256)": "0xac805a29",
  "supersede(bytes32,bytes32,address[],uint8)": "0xc88ea706",
};

/** Event topics (topic 0) by signature. */
export const EVENTS = {
  "BatchStamped(bytes32,address,uint256)": "0x7074fe610516e480bf47ed2831e86480ac658ff3a5eb4d484b8ece1cd31cbb6a",
  "Completed(bytes32,uint8)": "0x5134c1f87c4ad39c2d6e6609d8e4105a6e757009a745c825757843bb2c3aefdb",
  "DocumentCreated(bytes32,address,uint8,address[])": "0x68672a318f6af1db0834193b59875f150f18fd3effd4857c5e3f19f09793ef7d",
  "EIP712DomainChanged()": "0x0a6387c9ea3628b88a633bb4f3b151770f70085117a15f9bf3787cda53f13d31",
  "Revoked(bytes32,address,string)": "0xde646f76a4e8f5ef16d9722c5230935579e89016b88ee7262adf80c39058851b",
  "Signed(bytes32,address,address)": "0xb8f8137ea9e6856fe20e2e774eff53b046fa90c6b4b44f51aa1445150ec7c091",
  "Stamped(bytes32,address)": "0xb01651cc02955503c5aa2fe4fe5fa7cfef4bc8f3c0b34d270b32c20637cd5f7a",
  "Superseded(bytes32,bytes32)": "0x4ceca62373493882221cf0c741c782342cd834cd1a8e5480df855f94da186b24",
};

/** Custom errors by selector: [name, argument types]. */
export const ERRORS = {
  "0x8ad5b6b7": ["AlreadySigned",["bytes32","address"]],
  "0x4b28dd69": ["AlreadyStamped",["bytes32","address","uint64"]],
  "0xb8f1f4df": ["BadThreshold",["uint256","uint256"]],
  "0x5ae80094": ["DocumentClosed",["bytes32","uint8"]],
  "0xe709d985": ["DocumentExists",["bytes32"]],
  "0x4bd17b81": ["DuplicateParty",["address"]],
  "0xc2e5347d": ["EmptyBatch",[]],
  "0xb3512b0c": ["InvalidShortString",[]],
  "0x78d50c7f": ["InvalidSignature",["bytes32","address"]],
  "0x7db955a6": ["NoParties",[]],
  "0x49ce38ac": ["NotAParty",["bytes32","address"]],
  "0xe985de86": ["NotCreator",["bytes32","address"]],
  "0x305a27a9": ["StringTooLong",["string"]],
  "0xc0254db6": ["TooManyParties",["uint256","uint256"]],
  "0x15d9cfda": ["UnknownDocument",["bytes32"]],
  "0xd92e233d": ["ZeroAddress",[]],
  "0xf1ae58d5": ["ZeroHash",[]],
};
