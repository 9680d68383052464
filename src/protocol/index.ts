// The feed protocol: one definition of every payload, shared by the reference server and all clients.
export * from './primitives';
export * from './project';
export * from './events';
export * from './messages';
export * from './api';
export * from './issues';
