// lazyView renders nothing until its chunk is in, then the component with its props; a chunk that failed to load
// throws from the render (as React.lazy's does), and loading starts once however often it is asked for.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyView } from '../../src/react/lazyView';

function Greeting({ name }: { name: string }) {
  return createElement('p', null, `hello ${name}`);
}

describe('lazyView', () => {
  it('renders nothing before the chunk is in, then the component with its props', async () => {
    let release!: () => void;
    let loads = 0;
    const View = lazyView(() => {
      loads++;
      return new Promise<{ default: typeof Greeting }>((resolve) => (release = () => resolve({ default: Greeting })));
    });
    expect(renderToString(createElement(View, { name: 'set' }))).toBe('');
    const ready = View.preload();
    void View.preload();
    release();
    await ready;
    expect(renderToString(createElement(View, { name: 'set' }))).toBe('<p>hello set</p>');
    expect(loads).toBe(1);
  });

  it('throws the load error from the render', async () => {
    const View = lazyView<{ name: string }>(() => Promise.reject(new Error('chunk missing')));
    await View.preload();
    expect(() => renderToString(createElement(View, { name: 'set' }))).toThrow('chunk missing');
  });
});
