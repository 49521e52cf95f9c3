import 'reflect-metadata';
import { createSiftProgram } from './sift.program';

void createSiftProgram().parseAsync(process.argv);
