/** Where a command-line tool writes; injected so tests run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit status of every CLI of the project when its arguments are wrong. */
export const EXIT_USAGE = 2;

/** The process's own streams, written as given (the text carries its newlines). */
export const PROCESS_IO: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
