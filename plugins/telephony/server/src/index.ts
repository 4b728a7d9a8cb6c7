import bootstrap, { destroy } from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';

export default {
  bootstrap,
  destroy,
  config,
  contentTypes,
  controllers,
  services,
  routes,
};
