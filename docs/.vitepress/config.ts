import { readFileSync } from 'node:fs';
import { type DefaultTheme, defineConfig } from 'vitepress';
import { githubSlug } from '../scripts/markdown.ts';

/** A generated reference's sidebar (`pnpm generate` writes it); empty until then. */
function referenceSidebar(name: 'widgets' | 'sdk' | 'api'): DefaultTheme.SidebarItem[] {
  try {
    return JSON.parse(readFileSync(new URL(`../reference/${name}/sidebar.json`, import.meta.url), 'utf8')) as DefaultTheme.SidebarItem[];
  } catch {
    return [];
  }
}

const guide: DefaultTheme.SidebarItem = {
  text: 'Guide',
  items: [
    { text: 'Quick start', link: '/quick-start' },
    {
      text: 'Embedding',
      items: [
        { text: 'Plain HTML', link: '/embedding' },
        { text: 'Strict CSP', link: '/embedding/strict-csp' },
        { text: 'SharePoint', link: '/embedding/sharepoint' },
        { text: 'Confluence', link: '/embedding/confluence' },
        { text: 'WordPress', link: '/embedding/wordpress' },
        { text: 'iframe', link: '/embedding/iframe' },
      ],
    },
  ],
};

/** Pages listed both in the top bar's menus and in the sidebar. */
const featurePages = [
  { text: 'Idea voting', link: '/ideas' },
  { text: 'Discussion threads', link: '/threads' },
  { text: 'Moderation', link: '/moderation' },
  { text: 'Practice cards', link: '/cards' },
  { text: 'One community: links and search', link: '/community' },
  { text: 'Notifications and following', link: '/notifications' },
  { text: 'Business units', link: '/business-units' },
  { text: 'Relationship health', link: '/health' },
  { text: 'Intake', link: '/intake' },
  { text: 'Insights (the cockpit)', link: '/insights' },
  { text: 'Value realisation', link: '/value' },
];
const adminPages = [
  { text: 'Admin console', link: '/admin/' },
  { text: 'Production checklist', link: '/production' },
  { text: 'Scaling on Cloudflare', link: '/architecture/scaling' },
  { text: 'Identity', link: '/identity' },
  { text: 'Configuration', link: '/configuration' },
  { text: 'CLI', link: '/cli' },
  { text: 'Webhooks and e-mail', link: '/webhooks' },
  { text: 'Security', link: '/security' },
  { text: 'Configuration log', link: '/audit-log' },
  { text: 'Personal data', link: '/privacy' },
  { text: 'Export and import', link: '/data' },
];
const consolePages = [
  { text: 'Sign in', link: '/admin/' },
  { text: 'Create a tenant', link: '/admin/first-tenant' },
  { text: 'Settings and origins', link: '/admin/settings' },
  { text: 'Keys', link: '/admin/keys' },
  { text: 'Business units', link: '/admin/business-units' },
  { text: 'Boards', link: '/admin/boards' },
  { text: 'Templates', link: '/admin/templates' },
  { text: 'Moderation', link: '/admin/moderation' },
  { text: 'Webhooks', link: '/admin/webhooks' },
  { text: 'Identity providers', link: '/admin/identity' },
  { text: 'Roles', link: '/admin/roles' },
  { text: 'Configuration log', link: '/admin/config-log' },
];
const adminConsole: DefaultTheme.SidebarItem = { text: 'Admin console', items: consolePages };
const features: DefaultTheme.SidebarItem = { text: 'Features', items: featurePages };
const admin: DefaultTheme.SidebarItem = { text: 'Admin', items: adminPages };

const tryIt: DefaultTheme.SidebarItem = {
  text: 'Try it',
  items: [
    { text: 'Configurator', link: '/configurator' },
    { text: 'Live demos', link: '/demos/' },
  ],
};

/** The Reference group; inside a generated reference, that reference's pages are listed under it. */
const reference = (open?: 'widgets' | 'sdk' | 'api'): DefaultTheme.SidebarItem => {
  // The first item of a generated sidebar is the reference's own index, linked by the entry itself.
  const pages = (name: 'widgets' | 'sdk' | 'api') => (open === name ? { items: referenceSidebar(name).slice(1) } : {});
  return {
    text: 'Reference',
    link: '/reference/',
    items: [
      { text: 'Widgets guide', link: '/widgets' },
      { text: 'Widget reference', link: '/reference/widgets/', ...pages('widgets') },
      { text: 'SDK guide', link: '/sdk' },
      { text: 'SDK reference', link: '/reference/sdk/', ...pages('sdk') },
      { text: 'HTTP API guide', link: '/api' },
      { text: 'HTTP API reference', link: '/reference/api/', ...pages('api') },
      { text: 'Development', link: '/development' },
    ],
  };
};

export default defineConfig({
  title: 'Bridgekit',
  description: 'An embeddable community kit for IT business relationship managers.',
  lang: 'en',
  cleanUrls: true,
  // docs/README.md indexes the Markdown files for readers of the repository; the site has its home page.
  srcExclude: ['README.md'],
  ignoreDeadLinks: [
    // The local Worker of `pnpm dev`, which the guides point at.
    /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/,
    // The configurator and the demos are built by their own pages; a checkout without them still builds.
    /^\/configurator$/,
    /^\/demos\//,
  ],
  lastUpdated: false,
  markdown: {
    // GitHub's heading ids, so `identity.md#2-allow-the-pages-that-embed-it` works in the repository and here.
    anchor: { slugify: githubSlug },
  },
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/quick-start', activeMatch: '^/(quick-start|embedding)' },
      { text: 'Features', items: featurePages },
      { text: 'Admin', items: adminPages },
      {
        text: 'Reference',
        activeMatch: '^/(reference|widgets|sdk|api)',
        items: [
          { text: 'Widgets', link: '/reference/widgets/' },
          { text: 'SDK', link: '/reference/sdk/' },
          { text: 'HTTP API', link: '/reference/api/' },
        ],
      },
      { text: 'Configurator', link: '/configurator' },
      { text: 'Demos', link: '/demos/' },
    ],
    sidebar: {
      '/reference/widgets/': [reference('widgets'), guide],
      '/reference/sdk/': [reference('sdk'), guide],
      '/reference/api/': [reference('api'), guide],
      '/': [guide, features, admin, adminConsole, reference(), tryIt],
    },
    search: { provider: 'local' },
    outline: { level: [2, 3] },
  },
  vue: {
    template: {
      // The live demos render Bridgekit's own custom elements: Vue must leave them alone.
      compilerOptions: { isCustomElement: (tag) => tag.startsWith('bk-') },
    },
  },
});
