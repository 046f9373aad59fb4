import Alert from '@mui/material/Alert';
import ButtonBase from '@mui/material/ButtonBase';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useChannelQuery } from '../api/channel-hooks';
import { formatCount, formatDate } from '../format';
import { ErrorNotice } from '../layout/ErrorNotice';
import { PageHeader } from '../layout/PageHeader';
import { useViewParams } from '../layout/view-params';
import { useViewTitle } from '../layout/view-title';
import { DependencyTable } from '../teams/DependencyTable';
import { EMPTY_CHOICE_SHOWN } from '../layout/empty-choice';

type State = 'open' | 'resolved' | 'all';
type Side = 'either' | 'waiting' | 'providing';

const STATES: readonly State[] = ['open', 'resolved', 'all'];
const SIDES: readonly Side[] = ['either', 'waiting', 'providing'];

export function TeamsPage() {
  const [params, setParams] = useViewParams();
  const state = STATES.find((s) => s === params.state) ?? 'open';
  const teamKey = params.team ?? '';
  const side = SIDES.find((s) => s === params.side) ?? 'either';
  const setTeamKey = (key: string) => setParams({ team: key || null, side: key ? params.side : null });
  const list = useChannelQuery('coordination.dependencies', { state, side, limit: 500, ...(teamKey ? { teamKey } : {}) });
  const data = list.data;
  // Teams are listed by name: this page shows who waits on whom, it does not rank teams.
  const teams = data?.teams ?? [];
  useViewTitle(teamKey ? (teams.find((t) => t.key === teamKey)?.name ?? null) : null);
  const empty = data !== undefined && teams.length === 0 && data.total === 0;

  return (
    <>
      <PageHeader
        title="Teams & dependencies"
        subtitle={data && !empty ? `Who waits on whom, as of ${formatDate(data.asOf)} (the end of the data). Oldest waits first.` : 'Who waits on whom, and for how long.'}
      />
      <ErrorNotice title="The dependencies could not be read" error={list.error} />
      {/* A new workspace: say what to do, not that no dependency matches the filters. */}
      {empty ? (
        <Alert severity="info">This workspace holds no teams yet: import your teams’ exports on the Import page.</Alert>
      ) : (
        <Grid container spacing={3}>
          <Grid size={{ xs: 12, xl: 8 }}>
            <Card>
              <CardContent>
                <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }} component="form" aria-label="Filter dependencies">
                  <TextField select size="small" label="State" value={state} onChange={(e) => setParams({ state: e.target.value === 'open' ? null : e.target.value })} sx={{ minWidth: 200 }}>
                    <MenuItem value="open">Open now</MenuItem>
                    <MenuItem value="resolved">Resolved in the window</MenuItem>
                    <MenuItem value="all">Open or recently resolved</MenuItem>
                  </TextField>
                  <TextField slotProps={EMPTY_CHOICE_SHOWN} select size="small" label="Team" value={teamKey} onChange={(e) => setTeamKey(e.target.value)} sx={{ minWidth: 220 }}>
                    <MenuItem value="">All teams</MenuItem>
                    {teams.map((t) => (
                      <MenuItem key={t.key} value={t.key}>
                        {t.name}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField select size="small" label="Side" value={side} onChange={(e) => setParams({ side: e.target.value === 'either' ? null : e.target.value })} sx={{ minWidth: 200 }} disabled={!teamKey}>
                    <MenuItem value="either">Waiting or waited on</MenuItem>
                    <MenuItem value="waiting">The team waits</MenuItem>
                    <MenuItem value="providing">Others wait on the team</MenuItem>
                  </TextField>
                </Stack>
                {list.isFetching && <LinearProgress aria-label="Loading dependencies" />}
                {data && (
                  <>
                    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                      {data.total > data.dependencies.length
                        ? `The ${formatCount(data.dependencies.length)} oldest of ${formatCount(data.total)} dependencies.`
                        : `${formatCount(data.total)} ${data.total === 1 ? 'dependency' : 'dependencies'}.`}
                    </Typography>
                    <DependencyTable rows={data.dependencies} />
                  </>
                )}
              </CardContent>
            </Card>
          </Grid>
          <Grid size={{ xs: 12, xl: 4 }}>
            <Card>
              <CardContent>
                <Typography variant="h2" gutterBottom>
                  Teams
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                  Open dependencies each way, as of the end of the data. Choose a team to see its dependencies.
                </Typography>
                <Table size="small" aria-label="Teams and their open dependencies">
                  <TableHead>
                    <TableRow>
                      <TableCell>Team</TableCell>
                      <TableCell align="right">Waits on others</TableCell>
                      <TableCell align="right">Others wait on it</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {teams.map((t) => (
                      <TableRow key={t.key} hover selected={t.key === teamKey} onClick={() => setTeamKey(t.key === teamKey ? '' : t.key)} sx={{ cursor: 'pointer' }} data-testid="team-row">
                        <TableCell>
                          {/* The row answers a click; the button inside it answers the keyboard and names what it does. */}
                          <ButtonBase
                            onClick={(e) => {
                              e.stopPropagation();
                              setTeamKey(t.key === teamKey ? '' : t.key);
                            }}
                            aria-pressed={t.key === teamKey}
                            data-print-keep
                            sx={{ display: 'block', textAlign: 'left', borderRadius: 1, font: 'inherit' }}
                          >
                            <Typography component="span" sx={{ fontWeight: 600, display: 'block' }}>
                              {t.name}
                            </Typography>
                            <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                              {t.valueStream ?? 'no value stream'}
                            </Typography>
                          </ButtonBase>
                        </TableCell>
                        <TableCell align="right">{t.waitingOn}</TableCell>
                        <TableCell align="right">{t.waitedOnBy}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </CardContent>
            </Card>
          </Grid>
        </Grid>
      )}
    </>
  );
}
