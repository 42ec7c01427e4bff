/** Entry point: global styles, the saved theme, then the app shell. */
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { applyTheme, theme } from './shell/theme.svelte';
import { startOffline } from './offline/start';

applyTheme(theme.choice);

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount KMS Lab into');
target.replaceChildren();
mount(App, { target });
// Offline use from the second visit on; a production build only (the dev server serves no sw.js).
if (import.meta.env.PROD) startOffline();
