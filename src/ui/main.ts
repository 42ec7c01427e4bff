/** Entry point: global styles, the saved theme, then the app shell. */
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { applyTheme, theme } from './shell/theme.svelte';

applyTheme(theme.choice);

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount KMS Lab into');
target.replaceChildren();
mount(App, { target });
// Offline use from the second visit on, in a production build only (the dev server serves no sw.js).
// Loaded once the page has loaded, so neither the code nor the worker's downloads delay the first view.
if (import.meta.env.PROD) addEventListener('load', () => void import('./offline/start').then((offline) => offline.startOffline()), { once: true });
