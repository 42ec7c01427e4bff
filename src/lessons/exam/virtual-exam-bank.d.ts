/** Types of the module src/lessons/build/exam-bank.ts generates from lessons/exam/bank/*.ts. */
declare module 'virtual:lessons-exam-bank' {
  /** Each bank file (path from the project root) and its default export, unchecked: see ./bank.ts. */
  export const bankFiles: { file: string; questions: unknown }[];
}
