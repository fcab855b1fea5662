/** A knowledge-base file that cannot be served: names the file and the JSON pointer of the fault. */
export class KnowledgeBaseError extends Error {
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(`${file}${pointer ? ` at ${pointer}` : ''}: ${reason}`);
    this.name = 'KnowledgeBaseError';
  }
}
