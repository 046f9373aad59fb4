import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import CheckIcon from '@mui/icons-material/CheckCircleOutlined';
import CloseIcon from '@mui/icons-material/RemoveCircleOutlined';
import UnknownIcon from '@mui/icons-material/HelpOutlineOutlined';
import ShieldIcon from '@mui/icons-material/VerifiedOutlined';
import WarningIcon from '@mui/icons-material/WarningAmberOutlined';
import ProvisionalIcon from '@mui/icons-material/HourglassEmptyOutlined';
import type { ReactNode } from 'react';
import type { Finding, GroupRecommendation } from '../../../shared/coordination/report-schema';
import { MODEL_NAMES, modelColor } from './coordination-style';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title} sx={{ mt: 2 }}>
      <Typography variant="overline" color="text.secondary" component="h4" sx={{ lineHeight: 1.6 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/** Where a cue's numbers come from, as the page says it. */
export const SOURCE_LABELS: Record<string, string> = {
  dependencies: 'dependency links',
  history: 'status history',
  objectives: 'objectives',
  parents: 'shared epics (parents)',
  deployments: 'deployments',
  releases: 'releases (fix versions)',
  interfaces: 'interfaces',
};

const CONFIDENCE_LABELS = { robust: 'Robust', sensitive: 'Sensitive', provisional: 'Provisional' } as const;

function Bullets({ items }: { items: readonly string[] }) {
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5, '& li': { mb: 0.5 } }}>
      {items.map((item) => (
        <Typography component="li" variant="body1" key={item}>
          {item}
        </Typography>
      ))}
    </Box>
  );
}

/** One group of coupled teams: the model it needs, the measured cues against their thresholds, and why. */
export function GroupCard({ group, teamName, findings }: { group: GroupRecommendation; teamName: (key: string) => string; findings: readonly Finding[] }) {
  const theme = useTheme();
  const color = modelColor(group.model, theme);
  return (
    <Card data-testid="group-card" data-model={group.model} sx={{ borderTop: `4px solid ${color}`, height: '100%' }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <Chip label={MODEL_NAMES[group.model]} sx={{ bgcolor: color, color: theme.palette.getContrastText(color), fontWeight: 700, fontSize: '1rem' }} />
          <Typography variant="body2" color="text.secondary">
            mean coupling {group.coupling.toFixed(2)}
            {group.valueStreams.length > 0 && ` · ${group.valueStreams.join(', ')}`}
          </Typography>
        </Stack>
        <Typography variant="h3" component="h3" sx={{ mt: 1.5 }}>
          {group.name}
        </Typography>
        <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }}>
          {group.teamKeys.map((k) => (
            <Chip key={k} size="small" variant="outlined" label={teamName(k)} />
          ))}
        </Stack>

        <Section title="Why">
          <Bullets items={group.reasons} />
        </Section>

        <Section title="Cues">
          <Table size="small" aria-label={`Cues of ${group.name}`}>
            <TableHead>
              <TableRow>
                <TableCell>Cue</TableCell>
                <TableCell align="right">Measured</TableCell>
                <TableCell>From</TableCell>
                <TableCell>Thresholds</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {group.cues.map((cue) => (
                <TableRow key={cue.id}>
                  <TableCell title={cue.detail}>{cue.label.replace(/ \(.*\)$/, '')}</TableCell>
                  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600, whiteSpace: 'nowrap' }}>
                    {cue.display}
                  </TableCell>
                  <TableCell sx={{ color: 'text.secondary' }}>{cue.source ? SOURCE_LABELS[cue.source] : '—'}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                      {cue.thresholds.map((t) => (
                        <Chip
                          key={t.setting}
                          size="small"
                          variant={t.met ? 'filled' : 'outlined'}
                          color={t.met ? 'success' : 'default'}
                          icon={t.met === null ? <UnknownIcon /> : t.met ? <CheckIcon /> : <CloseIcon />}
                          label={`${t.model === 'team-of-teams' ? 'ToT' : 'SoS'} ${t.display}`}
                          title={`${MODEL_NAMES[t.model]}: ${t.met === null ? 'not measured' : t.met ? 'met' : 'not met'}`}
                        />
                      ))}
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>

        <Section title="What would change it">
          <Bullets items={group.whatWouldChange} />
        </Section>

        <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'flex-start' }} data-testid="confidence" data-level={group.robustness.level}>
          {group.robustness.level === 'robust' ? (
            <ShieldIcon color="success" aria-hidden />
          ) : group.robustness.level === 'provisional' ? (
            <ProvisionalIcon color="warning" aria-hidden />
          ) : (
            <WarningIcon color="warning" aria-hidden />
          )}
          <Box>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {CONFIDENCE_LABELS[group.robustness.level]}
            </Typography>
            <Typography variant="body2">{group.robustness.summary.replace(/^(Robust|Sensitive|Provisional): /, '')}</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              Evidence: {group.evidence.summary}
            </Typography>
          </Box>
        </Stack>

        <Divider sx={{ my: 2 }} />
        <Section title="How to run it">
          <Typography variant="body1">{group.practices.summary}</Typography>
          {group.practices.cadence && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              <strong>Cadence:</strong> {group.practices.cadence}
            </Typography>
          )}
          {group.practices.agenda.length > 0 && (
            <Box sx={{ mt: 1 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                Agenda
              </Typography>
              <Bullets items={group.practices.agenda} />
            </Box>
          )}
          <Box sx={{ mt: 1 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              Artefacts
            </Typography>
            <Bullets items={group.practices.artefacts} />
          </Box>
        </Section>

        {findings.length > 0 && (
          <Section title="Findings">
            {findings.map((f) => (
              <Box key={f.id} sx={{ mb: 1 }}>
                <Typography variant="body1" sx={{ fontWeight: 600 }}>
                  {f.title}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {f.suggestion}
                </Typography>
              </Box>
            ))}
          </Section>
        )}
      </CardContent>
    </Card>
  );
}
