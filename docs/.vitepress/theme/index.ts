import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import BridgekitConfigurator from './components/BridgekitConfigurator.vue';
import BridgekitDemo from './components/BridgekitDemo.vue';
import DemoSession from './components/DemoSession.vue';
import './bridgekit-docs.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    // Used in Markdown: the configurator page and the live demos.
    app.component('BridgekitConfigurator', BridgekitConfigurator);
    app.component('BridgekitDemo', BridgekitDemo);
    app.component('DemoSession', DemoSession);
  },
} satisfies Theme;
