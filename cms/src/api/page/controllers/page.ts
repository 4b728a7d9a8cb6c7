import { createPublicReadController } from '../../../public-content/public-read-controller';

export default createPublicReadController('api::page.page');
