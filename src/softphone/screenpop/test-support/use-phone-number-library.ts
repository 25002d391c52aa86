// Jest setup (jest.config.js): the phone-number library loaded, as the softphone has it once it
// has started.
import * as library from '../phone-number-library';
import { usePhoneNumberLibrary } from '../phone-number';

usePhoneNumberLibrary(library);
