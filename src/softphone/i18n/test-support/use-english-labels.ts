// Jest setup (jest.config.js): the English catalogue loaded, as the softphone has it when the
// host page lacks a label. Unit tests assert English words.
import { englishLabels } from '../english-labels';
import { installEnglishLabels } from '../label-catalog';

installEnglishLabels(englishLabels());
