// The feed protocol: one definition of every payload, shared by the reference server and all clients.
export * from './schemas';
export * from './messages';
export * from './issues';
