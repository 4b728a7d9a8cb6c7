import desk from './desk';
import requests from './requests';

export default { desk, requests };
