export * from './api';
export * from './calls';
export * from './channels';
export * from './errors';
export * from './names';
export * from './schemas';
export * from './redaction';
