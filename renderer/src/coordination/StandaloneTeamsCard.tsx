import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import type { GroupRecommendation } from '../../../shared/coordination/report-schema';
import { MODEL_NAMES, modelColor } from './coordination-style';

/**
 * Teams that need no standing forum with anyone: shared providers (served through self-service)
 * and teams coupled to no one enough. One calm card instead of a card per team.
 */
export function StandaloneTeamsCard({ groups }: { groups: readonly GroupRecommendation[] }) {
  const theme = useTheme();
  const providers = groups.filter((g) => g.role === 'provider');
  const singles = groups.filter((g) => g.role === 'single');
  if (providers.length === 0 && singles.length === 0) return null;
  const color = modelColor('none', theme);
  return (
    <Card data-testid="group-card" data-model="none" sx={{ borderTop: `4px solid ${color}`, height: '100%' }}>
      <CardContent>
        <Chip label={MODEL_NAMES.none} sx={{ fontWeight: 700, fontSize: (t) => t.typography.body1.fontSize }} />
        <Typography variant="h3" component="h3" sx={{ mt: 1.5 }}>
          Teams that coordinate without a forum
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          Asynchronous updates when a change affects another team, and a visible dependency board.
        </Typography>
        {providers.map((g) => (
          <Box key={g.id} sx={{ mt: 2 }} data-testid="provider">
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="h3" component="h4">
                {g.name}
              </Typography>
              <Chip size="small" color="warning" variant="outlined" label="shared provider" />
            </Stack>
            {g.reasons.map((r) => (
              <Typography key={r} variant="body1" sx={{ mt: 0.5 }}>
                {r}
              </Typography>
            ))}
          </Box>
        ))}
        {singles.length > 0 && (
          <Box sx={{ mt: 2 }}>
            <Typography variant="body1" sx={{ fontWeight: 600 }}>
              On their own
            </Typography>
            <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }}>
              {singles.map((g) => (
                <Chip key={g.id} variant="outlined" label={g.name} title={g.reasons.join(' ')} />
              ))}
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              Each is coupled to no other team enough to share a group; their dependencies go on the dependency board.
            </Typography>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
