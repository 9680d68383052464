// Pairing: a phone as the TV's companion in one room. Framework-free clients for both ends (tv-pairing.ts shows a
// code and takes what phones send; phone-pairing.ts pairs by the code, gives the TV a backer code and reacts);
// the TV shell and the phone page bind them.
export { TvPairing, type TvPairingKept, type TvPairingOptions, type TvPairingSnapshot, type TvPairingStatus } from './tv-pairing';
export { PhonePairing, type BackerCodeState, type PhoneKept, type PhonePairingOptions, type PhonePairingSnapshot, type PhonePairingStatus, type QuestionState } from './phone-pairing';
export type { PairingRefusalNotice } from './pairing-socket';
