// Entry point: the global styles, the language this device last used, and the App.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { DEFAULT_LANG, parseLang, setLang } from './i18n';
import { rememberedLang } from './shell/device';

setLang(parseLang(rememberedLang()) ?? DEFAULT_LANG);

const target = document.getElementById('app');
if (target) mount(App, { target });
