// Every command, callback, action and block ID the app uses, in one place.
// manifest.yml declares the same surface; test/slack/manifest.test.ts keeps them in step.

export const COMMANDS = {
  rapport: "/rapport",
} as const;

export const EVENTS = {
  appHomeOpened: "app_home_opened",
  directMessage: "message.im",
} as const;

export const SHORTCUTS = {} as const;

export const BLOCK_IDS = {
  helpCommands: "help_commands",
} as const;
