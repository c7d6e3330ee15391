// Chat with an agent: open a session, send messages, close it.
import { useState, type FormEvent } from "react";
import type { ChatMessageRow, ChatSessionRow, McError } from "@mission-control/sdk";
import { useCockpit, useData } from "../data/DataContext";
import { ErrorLine, useAction, useLoad } from "../components/Common";

export function Chat({ agentId }: { agentId?: string }) {
  const { client: mc } = useCockpit();
  const roster = useData().getAllAgents();
  const [error, setError] = useState<McError | null>(null);
  const run = useAction(setError);
  const [agent, setAgent] = useState(agentId ?? roster.find((a) => a.tier > 1)?.id ?? roster[0]?.id ?? "");
  const [sessions, , reloadSessions] = useLoad<ChatSessionRow[]>(() => mc.from("chat_sessions").select("*").eq("agent_id", agent).eq("status", "ACTIVE"), [mc, agent]);
  const session = sessions?.[0];
  const [messages, , reloadMessages] = useLoad<ChatMessageRow[]>(
    () => (session ? mc.from("chat_messages").select("*").eq("session_id", session.id).order("sent_at") : Promise.resolve({ data: [], error: null })), [mc, session?.id]);
  const send = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!session) return;
    const form = e.currentTarget;
    const content = String(new FormData(form).get("content"));
    await run(mc.chat.send(session.id, { role: "USER", content }));
    form.reset();
    reloadMessages();
  };
  return (
    <div data-testid="chat">
      <h2>Chat</h2>
      <div className="row">
        <select value={agent} onChange={(e) => setAgent(e.target.value)} className="medium" data-testid="chat-agent">{roster.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</select>
        {!session && <button className="primary" onClick={async () => { await run(mc.chat.open(agent)); reloadSessions(); }} data-testid="chat-open">Open a session</button>}
        {session && <button onClick={async () => { await run(mc.chat.close(session.id)); reloadSessions(); }} data-testid="chat-close">Close the session</button>}
      </div>
      <ErrorLine error={error} />
      {session && (
        <div className="panel chat-session" data-testid="chat-session">
          {(messages ?? []).map((m) => <div key={m.id} className={`bubble ${m.role}`}>{m.content}</div>)}
          <form className="row" onSubmit={send}>
            <input name="content" placeholder="Message" required className="grow" />
            <button className="primary" type="submit">Send</button>
          </form>
        </div>
      )}
      {!session && <p className="muted" data-testid="chat-none">No active session.</p>}
    </div>
  );
}
