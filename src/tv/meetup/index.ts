// TV meet-up logic without React: which remote key sends which reaction, how the D-pad walks the question board, and
// the on-screen keypad for a backer code. The meet-up screen (src/shells/tv/meetup) binds these to the remote.
export { COLOUR_REACTIONS, colourKeyOf, digitKeyOf, reactionOfKey, type ColourKey } from './colour-reactions';
export { followSelection, stepThrough, visibleWindow, type BoardDirection, type BoardStep, type BoardWindow } from './question-browser';
export { BACKER_CODE_MAX_LENGTH, EMPTY_KEYPAD, codeToSubmit, keypadRows, pressKeypad, type KeypadKey, type KeypadState } from './code-keypad';
