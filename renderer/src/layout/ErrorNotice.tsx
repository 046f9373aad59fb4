import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';

/** A failed call, said plainly: what went wrong in the backend's words, never a stack trace. */
export function ErrorNotice({ title, error }: { title: string; error: { message: string } | null | undefined }) {
  if (!error) return null;
  return (
    <Alert severity="error" role="alert" sx={{ my: 2 }}>
      <AlertTitle>{title}</AlertTitle>
      {error.message}
    </Alert>
  );
}
