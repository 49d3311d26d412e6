/** The publication pipeline: compute → disclosure → save → files → switch (one definition, used by the CLI, `start`, tests and bench). */
export { runPublication, type PublicationOptions, type PublicationResult, type Step } from './run-publication.ts';
export { stageOutputFolder, type StagedFolder } from './output-folder.ts';
