import { defineElement } from '../../shared/define.ts';
import { BkIdeaRoadmap } from './idea-roadmap.component.ts';

export { BkIdeaRoadmap };

defineElement('bk-idea-roadmap', BkIdeaRoadmap);

declare global {
  interface HTMLElementTagNameMap {
    'bk-idea-roadmap': BkIdeaRoadmap;
  }
}
