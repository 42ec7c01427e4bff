/** embed.html's entry point: global styles, then the embedded lesson (its theme comes from the address). */
import '../app.css';
import './embed.css';
import { mount } from 'svelte';
import EmbedApp from './EmbedApp.svelte';

const target = document.getElementById('embed');
if (!target) throw new Error('embed.html has no #embed element to mount the lesson into');
target.replaceChildren();
mount(EmbedApp, { target });
