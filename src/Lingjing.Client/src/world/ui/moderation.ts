/** A park operator's actions on someone in their park's world (POST /api/v1/world/parks/{id}/mute|remove,
 * naming the avatar as the world knows it). Resolves to whether the server accepted it. */
export class Moderation {
  constructor(private readonly baseUrl: string) {}

  mute(avatarId: number, minutes: number): Promise<boolean> {
    return this.post("mute", { avatarId, minutes });
  }

  remove(avatarId: number): Promise<boolean> {
    return this.post("remove", { avatarId });
  }

  private async post(action: string, body: object): Promise<boolean> {
    try {
      const response = await fetch(`${this.baseUrl}/${action}`, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      return response.ok;
    } catch {
      return false;
    }
  }
}
