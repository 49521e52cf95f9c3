/** Keeps only the last `maxChars` characters of a process's output, for error messages. */
export class OutputTail {
  private text = '';
  private truncated = false;

  constructor(private readonly maxChars = 16_384) {}

  append(chunk: string): void {
    this.text += chunk;
    // Trimming only past twice the limit keeps appends cheap.
    if (this.text.length > this.maxChars * 2) {
      this.text = this.text.slice(-this.maxChars);
      this.truncated = true;
    }
  }

  toString(): string {
    if (!this.truncated && this.text.length <= this.maxChars) {
      return this.text;
    }
    return `[...]${this.text.slice(-this.maxChars)}`;
  }
}
