// Generated from the compiled ABIs (apps/charity/.../contracts/*.json) with Keccak-256; CharityPageAbiTest checks every
// value against the ABI, so a contract change that is not carried here fails the build.

/** Function selectors by signature. */
export const FUNCTIONS = {
  "registerOrganisation(address,string)": "0x3bcb3a8a",
  "createCampaign(uint256,string,address,uint256,uint64,address[],string[])": "0xc5678e9b",
  "donate(uint256)": "0xf14faf6f",
  "donateToken(uint256,uint256)": "0xe5c1f18d",
  "disburse(uint256,address,uint256,bytes32,string)": "0x79b0cfee",
  "confirmDelivery(uint256)": "0xfd84cb97",
  "refund(uint256)": "0x278ecde1",
  "approve(address,uint256)": "0x095ea7b3",
};

/** Event topics (topic 0) by signature. */
export const EVENTS = {
  "BeneficiaryAdded(uint256,address,string)": "0xf52db106146b1b393bf11dc4160f52bfe5b2ad68e60a65fe245325e020b40cd9",
  "CampaignCreated(uint256,uint256,address,uint256,uint64,string)": "0x3c55a186636731eb1eb9eca2728c0339b6cd50a1d7b452b81d79661f24c9b46c",
  "DeliveryConfirmed(uint256,address,uint256)": "0x2f4a952729db32131cb3d658cc231127e0ce7e50f83508ece9a49c985f2384d0",
  "Disbursed(uint256,address,uint256,uint256,bytes32,string)": "0x5a663d4567e236808c2d58ed095cd772d67e4b352f587a0a04dc660684f9fc97",
  "Donated(uint256,address,uint256,uint256)": "0x27e413b8931dc4cb7edc879292ebc482a3047336d03423ea91addae7a2cf850a",
  "OrganisationRegistered(uint256,address,string)": "0xf576b0b26ad0ebaff45832be409c5812bd25145b14e93007594dfebb16ea08cc",
  "Refunded(uint256,address,uint256)": "0x7ca5472b7ea78c2c0141c5a12ee6d170cf4ce8ed06be3d22c8252ddfc7a6a2c4",
};

/** Custom errors by selector: [name, argument types]. */
export const ERRORS = {
  "0x6697b232": ["AccessControlBadConfirmation", []],
  "0xe2517d3f": ["AccessControlUnauthorizedAccount", ["address","bytes32"]],
  "0xa614b7ff": ["AlreadyConfirmed", ["uint256"]],
  "0xcf56a08d": ["BeneficiaryNamesMismatch", ["uint256","uint256"]],
  "0xea2ed106": ["CampaignClosed", ["uint256","uint64"]],
  "0xdb2a8a43": ["CampaignNotFailed", ["uint256"]],
  "0xdd2d27d7": ["DeadlineNotInFuture", ["uint64","uint256"]],
  "0x47bd1075": ["DuplicateBeneficiary", ["address"]],
  "0x2ef13105": ["EmptyName", []],
  "0x7dc77647": ["GoalIsZero", []],
  "0x3c236b52": ["GoalNotReached", ["uint256","uint256","uint256"]],
  "0xf5623b72": ["InsufficientFunds", ["uint256","uint256","uint256"]],
  "0xa5b05eec": ["NativeTransferFailed", ["address","uint256"]],
  "0x5371c3f8": ["NoBeneficiaries", []],
  "0xea1aa62b": ["NoEvidence", []],
  "0xa588a691": ["NotABeneficiary", ["uint256","address"]],
  "0x306fc52e": ["NotOrganisationAdmin", ["uint256","address"]],
  "0x3a8b89b5": ["NotTheBeneficiary", ["uint256","address"]],
  "0x5bd9a0f6": ["NothingToRefund", ["uint256","address"]],
  "0x3ee5aeb5": ["ReentrancyGuardReentrantCall", []],
  "0x5274afe7": ["SafeERC20FailedOperation", ["address"]],
  "0x25435c4e": ["UnknownCampaign", ["uint256"]],
  "0x3bc56eac": ["UnknownDisbursement", ["uint256"]],
  "0x42568742": ["UnknownOrganisation", ["uint256"]],
  "0x3cca80ca": ["WrongCurrency", ["uint256","address"]],
  "0xd92e233d": ["ZeroAddress", []],
  "0x1f2a2005": ["ZeroAmount", []],
  "0xfb8f41b2": ["ERC20InsufficientAllowance", ["address","uint256","uint256"]],
  "0xe450d38c": ["ERC20InsufficientBalance", ["address","uint256","uint256"]],
  "0xe602df05": ["ERC20InvalidApprover", ["address"]],
  "0xec442f05": ["ERC20InvalidReceiver", ["address"]],
  "0x96c6fd1e": ["ERC20InvalidSender", ["address"]],
  "0x94280d62": ["ERC20InvalidSpender", ["address"]],
  "0x1e4fbdf7": ["OwnableInvalidOwner", ["address"]],
  "0x118cdaa7": ["OwnableUnauthorizedAccount", ["address"]],
};
