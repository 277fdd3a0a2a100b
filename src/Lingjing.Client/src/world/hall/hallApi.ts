// The hall's side of /api/v1/events/{id}/ (Features/Events/Stage): the stage, the session's chat, reactions.

export interface StagePerson { userId: string; name: string; place: "hand" | "microphone" | "stage"; since: string }

export interface StageState {
  speakers: StagePerson[];
  /** Names of the raised hands: organisers only. */
  hands: StagePerson[];
  handCount: number;
  myPlace: "audience" | "hand" | "microphone" | "stage";
  moderator: boolean;
}

export interface Question { id: number; authorName: string; text: string; status: "open" | "answered" | "hidden"; upvotes: number; upvotedByMe: boolean; mine: boolean }

/** The floor's questions (and polls, which the hall leaves to the event's page), as the stream's "floor" event carries them. */
export interface Floor { questions: Question[] }

export interface ChatLine { id: number; sessionId: number | null; authorName: string; text: string; mine: boolean; at: string }

/** Emoji and how many people reacted with it in the last quarter second. */
export type ReactionCounts = Record<string, number>;

export const reactionEmoji = ["👏", "❤️", "😂", "😮", "🎉", "👍"];

/** One instance of the hall: how many people are in it and how many of your colleagues, and the page that enters it. */
export interface HallInstance { instance: number; people: number; colleagues: number; full: boolean; page: string }

export interface HallInstances { yours: number | null; instances: HallInstance[] }

/** Calls of the hall; each resolves to the answer's JSON, or throws with the problem's detail. */
export class HallApi {
  constructor(readonly base: string) {}

  get stream(): string {
    return `${this.base}/floor/stream`;
  }

  raiseHand(): Promise<StageState> {
    return this.send("POST", "/stage/hand");
  }

  stepBack(): Promise<StageState> {
    return this.send("DELETE", "/stage/me");
  }

  place(userId: string, place: "stage" | "microphone" | "audience"): Promise<StageState> {
    return this.send("PUT", `/stage/people/${userId}`, { place });
  }

  say(text: string): Promise<ChatLine> {
    return this.send("POST", "/chat", { text });
  }

  hide(messageId: number): Promise<number> {
    return this.send("POST", `/chat/${messageId}/hide`);
  }

  ask(text: string): Promise<Question> {
    return this.send("POST", "/questions", { text });
  }

  upvote(questionId: number): Promise<number> {
    return this.send("POST", `/questions/${questionId}/upvote`);
  }

  react(emoji: string): Promise<string> {
    return this.send("POST", "/reactions", { emoji });
  }

  instances(): Promise<HallInstances> {
    return this.send("GET", "/hall/instances");
  }

  private async send<T>(method: string, path: string, body?: object): Promise<T> {
    const response = await fetch(this.base + path, {
      method,
      credentials: "same-origin",
      headers: body ? { "Content-Type": "application/json" } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.ok) return await response.json() as T;
    const problem = await response.json().catch(() => null) as { detail?: string } | null;
    throw new Error(problem?.detail ?? response.statusText);
  }
}
