import { z } from 'zod';
import { REPORT_SECTION_IDS } from '../report/report-sections';
import { channel } from './channel';

// The report to hand out (docs/RISKS.md, "The report"): one self-contained HTML file.

const SectionId = z.enum(REPORT_SECTION_IDS as [string, ...string[]]);

export const reportChannels = {
  'report.export': channel(
    z.object({
      /** The increment its objectives and votes are about; left out, the one holding the data's last day, else the latest. */
      increment: z.string().trim().min(1).max(200).optional(),
      /** Which sections, in their standard order; left out, all of them. */
      sections: z.array(SectionId).min(1, 'choose at least one section').optional(),
      /** A saved deck (its id): the sections that print its views, in place of `sections`, about the increment they name (else `increment`), and the risks its Risks views show. */
      deckId: z.number().int().positive().optional(),
    }),
    z.object({
      html: z.string(),
      /** A name to save it under: the workspace's name, the deck's if any, and the day, never a path. */
      fileName: z.string(),
      sections: z.array(z.object({ id: z.string(), title: z.string() })),
    }),
    'The report to hand out as one self-contained HTML file (no outside requests, no scripts): workspace summary, coordination advice, findings, flow summary with definitions, objectives, risks, confidence votes.',
  ),
};
