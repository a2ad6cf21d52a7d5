// n8n's logger writes every node error to stdout; keep test output readable. Set N8N_LOG_LEVEL
// to see the logs; the secrets test turns them on to prove nothing secret is logged.
process.env.N8N_LOG_LEVEL ??= 'silent';
