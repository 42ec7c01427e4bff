/**
 * What the presenter tab and the audience tabs say to each other over a BroadcastChannel (same
 * origin, same browser; never a popup, never postMessage to another window). Every message is
 * checked on arrival: another script of the same origin could post anything on the channel.
 *
 *   hello  a tab joins (or reloads). A presenter's hello moves the audience to its step; an audience's
 *          hello makes each presenter answer with its step and the room.
 *   step   the sender's player is now on this step (either tab can drive)
 *   reset  the sender restarted this step
 *   act    the sender's learner did one of this step's actions (a hands-on step shown to the room):
 *          the other tabs do it too, so every tab's diagram shows the same world. Inputs stay inside
 *          this browser (a BroadcastChannel never leaves it), unlike a share link's.
 *   room   what the room sees besides the step: the audience screen blanked, the diagram's zoom
 */
import type { LearnerAction } from '../../../lessons/types';

export const PRESENT_CHANNEL = 'kms-lab:present';
const NS = 'kms-lab-present';

export type PresentRole = 'presenter' | 'audience';

export interface RoomState {
  blank: boolean;
  /** Scale of the diagram, 1 = as drawn. */
  zoom: number;
}

export const ZOOM_LEVELS = [1, 1.25, 1.5, 1.75, 2] as const;
export const DEFAULT_ROOM: RoomState = { blank: false, zoom: 1 };

interface Envelope {
  ns: typeof NS;
  v: 1;
  /** The sending tab, so a tab ignores its own messages if the channel ever echoes them. */
  from: string;
  role: PresentRole;
}

export type PresentMessage = Envelope &
  (
    | { type: 'hello'; lessonId: string; stepId: string }
    | { type: 'step'; lessonId: string; stepId: string }
    | { type: 'reset'; lessonId: string; stepId: string }
    | { type: 'act'; lessonId: string; stepId: string; action: LearnerAction }
    | { type: 'room'; room: RoomState }
  );

type Body = PresentMessage extends infer M ? (M extends PresentMessage ? Omit<M, keyof Envelope> : never) : never;

export function presentMessage(from: string, role: PresentRole, body: Body): PresentMessage {
  return { ns: NS, v: 1, from, role, ...body } as PresentMessage;
}

const isId = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(value);

/** The message, or undefined when `data` is not a well-formed message of this protocol's version. */
export function parsePresentMessage(data: unknown): PresentMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  if (message.ns !== NS || message.v !== 1 || typeof message.from !== 'string' || message.from.length > 100) return undefined;
  if (message.role !== 'presenter' && message.role !== 'audience') return undefined;
  const envelope = { ns: NS, v: 1, from: message.from, role: message.role } as const;
  switch (message.type) {
    case 'hello':
    case 'step':
    case 'reset':
      if (!isId(message.lessonId) || !isId(message.stepId)) return undefined;
      return { ...envelope, type: message.type, lessonId: message.lessonId, stepId: message.stepId };
    case 'act': {
      const action = parseAction(message.action);
      if (!isId(message.lessonId) || !isId(message.stepId) || !action) return undefined;
      return { ...envelope, type: 'act', lessonId: message.lessonId, stepId: message.stepId, action };
    }
    case 'room': {
      const room = message.room as Record<string, unknown> | null | undefined;
      if (typeof room?.blank !== 'boolean' || !ZOOM_LEVELS.includes(room.zoom as (typeof ZOOM_LEVELS)[number])) return undefined;
      return { ...envelope, type: 'room', room: { blank: room.blank, zoom: room.zoom as number } };
    }
    default:
      return undefined;
  }
}

/** A learner action as the player takes it: a name and at most a few short string fields. */
function parseAction(data: unknown): LearnerAction | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { action, input } = data as Record<string, unknown>;
  if (!isId(action)) return undefined;
  if (input === undefined) return { action };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const fields = Object.entries(input);
  if (fields.length > 20 || !fields.every(([name, value]) => isId(name) && typeof value === 'string' && value.length <= 20_000)) {
    return undefined;
  }
  return { action, input: Object.fromEntries(fields) as Record<string, string> };
}
