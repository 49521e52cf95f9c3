import { parseElementsChain } from './elements-chain.util';

describe('parseElementsChain', () => {
  it('reads tag, classes and attributes of each element, clicked element first', () => {
    const chain =
      'button.btn.btn-primary:attr__id="pay"nth-child="2"nth-of-type="1"text="Pay now";form:attr__id="checkout"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"';
    const [button, form, body, ...rest] = parseElementsChain(chain);
    expect(rest).toEqual([]);
    expect(button).toEqual({
      tagName: 'button',
      classes: ['btn', 'btn-primary'],
      id: 'pay',
      nthChild: 2,
      nthOfType: 1,
      text: 'Pay now',
      attributes: {},
    });
    expect(form).toMatchObject({ tagName: 'form', id: 'checkout', classes: [] });
    expect(body).toMatchObject({ tagName: 'body', nthChild: 2 });
  });

  it('unescapes \\" inside values and keeps other backslashes', () => {
    const [el] = parseElementsChain('button:nth-child="1"text="Say \\"hi\\" to C:\\\\temp"');
    expect(el?.text).toBe('Say "hi" to C:\\\\temp');
    expect(el?.nthChild).toBe(1);
  });

  it('does not split on ; or : inside quoted values', () => {
    const chain = 'a:href="/a;b:c"text="x;y";div.wrap:nth-child="1"';
    const elements = parseElementsChain(chain);
    expect(elements).toHaveLength(2);
    expect(elements[0]).toMatchObject({ tagName: 'a', href: '/a;b:c', text: 'x;y' });
    expect(elements[1]).toMatchObject({ tagName: 'div', classes: ['wrap'] });
  });

  it('keeps classes that contain a colon (Tailwind variants)', () => {
    const [el] = parseElementsChain('button.hover:bg-blue-500.px-4:nth-child="1"text="Go"');
    expect(el).toMatchObject({ tagName: 'button', classes: ['hover:bg-blue-500', 'px-4'], text: 'Go' });
  });

  it('keeps other attributes by their chain key, and reads the legacy attr_id', () => {
    const [el] = parseElementsChain(
      'svg.icon:attr__aria-label="Close"attr__class="icon"attr_id="x"nth-child="1"nth-of-type="1";button',
    );
    expect(el?.attributes).toEqual({ 'attr__aria-label': 'Close', attr__class: 'icon' });
    expect(el?.id).toBe('x');
  });

  it('reads an empty value and elements without attributes', () => {
    const elements = parseElementsChain('span:text=""nth-child="1";div:;body');
    expect(elements.map((e) => e.tagName)).toEqual(['span', 'div', 'body']);
    expect(elements[0]?.text).toBe('');
  });

  it('accepts hand-written tag#id and returns nothing for an empty chain', () => {
    expect(parseElementsChain('form#checkout')[0]).toMatchObject({ tagName: 'form', id: 'checkout' });
    expect(parseElementsChain('')).toEqual([]);
    expect(parseElementsChain(' ; ')).toEqual([]);
  });
});
