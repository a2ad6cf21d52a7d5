// One temporary n8n user folder for the whole Jest run (see dev/engine/userFolder.ts): set up
// here, in Jest's own process, it is inherited by the workers and removed when Jest exits.
import '../dev/engine/userFolder';

export default function globalSetup(): void {}
