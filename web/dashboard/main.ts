import '../shared/base.css';
import { mountChrome } from '../shared/chrome.js';

mountChrome('dashboard');
