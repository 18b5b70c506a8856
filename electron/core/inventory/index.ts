export { createScanEngine, type ScanEngine, type ScanEngineOptions, type ScanLimits } from './scan';
export { createRateLimiters, type RateLimiter, type RateLimiters } from './limiter';
export { typeInfoFromSchemas } from './type-info';
export { findListParent, parentOverrides } from './parents';
export type { ListParent, TypeInfo, TypeInfoLookup } from './types';
export type { RetryPolicy } from './retry';
