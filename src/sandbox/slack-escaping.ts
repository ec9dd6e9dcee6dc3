import { CHANNELS, PEOPLE } from "./demo-people.js";

/**
 * What Slack sends for what a person typed in the message box: `&`, `<` and `>` escaped, and (as
 * the manifest's `should_escape: true` asks for commands) `@name` and `#channel` turned into
 * `<@U…|name>` and `<#C…|name>` when they name someone or somewhere that exists.
 */
export function asSlackSends(typed: string): string {
  const escaped = typed.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return escaped
    .replace(/(^|[\s(])@([\w.-]+)/g, (whole, before: string, name: string) => {
      const person = PEOPLE.find((p) => p.name === name.toLowerCase());
      return person ? `${before}<@${person.id}|${person.name}>` : whole;
    })
    .replace(/(^|[\s(])#([\w-]+)/g, (whole, before: string, name: string) => {
      const channel = CHANNELS.find((c) => c.name === name.toLowerCase());
      return channel ? `${before}<#${channel.id}|${channel.name}>` : whole;
    });
}

/** Slack's own answer to a command that does not exist ("/raport help"), posted by Slackbot to the typist. */
export function notACommand(word: string): string {
  return `${word} is not a valid command. In Slack, every message that starts with “/” is read as a command; to send a message that starts with “/”, put a space before it.`;
}
