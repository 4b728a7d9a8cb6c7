import desk from './desk';
import requests from './requests';
import webhooks from './webhooks';

export default { desk, requests, webhooks };
