import dashboards from './dashboards';

export default {
  dashboards,
};
