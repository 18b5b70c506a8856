import type { CloudshelfApi } from '../../shared/contract';
import { selectApi } from './select';

/** The one Cloudshelf API of this page, chosen once; every screen imports this. */
export const api: CloudshelfApi = selectApi(window);

export type { CloudshelfApi } from '../../shared/contract';
