/** Rule url-in-cell: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/url-in-cell';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6, row6 } from '../../helpers/grid';
import { Q1, TC } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(H6, [row6('1', 'Cập nhật trang dulichlaocai.vn', TC, Q1)]),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(H6, [row6('1', 'Cập nhật trang https://dulichlaocai.vn/tin-tuc', TC, Q1)]),
      findings: [
        {
          messageId: 'default',
          severity: 'warning',
          cell: 'B2',
          role: 'task',
          data: { url: 'https://dulichlaocai.vn/tin-tuc' },
        },
      ],
    },
    {
      name: 'reports search',
      sheet: grid(H6, [
        row6('1', 'Fanpage, https://www.google.com/search?q=sapa-tourism.com, Youtube', TC, Q1),
      ]),
      findings: [
        {
          messageId: 'search',
          severity: 'warning',
          cell: 'B2',
          role: 'task',
          data: { url: 'https://www.google.com/search?q=sapa-tourism.com' },
        },
      ],
    },
    {
      name: 'a plain address is not a search link',
      sheet: grid(H6, [row6('1', 'Fanpage, https://sapa-tourism.com, Youtube', TC, Q1)]),
      findings: [
        { messageId: 'default', cell: 'B2', data: { url: 'https://sapa-tourism.com' }, fixes: [] },
      ],
    },
  ],
});
