import { installLabels } from '../i18n/label-catalog';
import { callStateRefusal } from './connector-events';
import { actionWord, callStateWord, connectionStatusWord, eitherWords } from './connector-words';
import { validateListenerCredentials } from './listener/listener-credentials';
import { numberRefusal } from './simulator/simulator-refusals';

describe('the words inside the connectors refusals', () => {
    afterEach(() => installLabels({}));

    it('reads in English when the page gives no labels', () => {
        expect(actionWord('hangup')).toBe('hang up');
        expect(callStateWord('held')).toBe('held');
        expect(connectionStatusWord('reconnecting')).toBe('reconnecting');
        expect(eitherWords(['connected', 'held'])).toBe('connected or held');
        expect(eitherWords(['a', 'b', 'c'])).toBe('a or b or c');
        expect(eitherWords([])).toBe('');
    });

    it('leaves a state it has no word for as it is', () => {
        expect(callStateWord('early-media')).toBe('early-media');
        expect(callStateWord('constructor')).toBe('constructor');
    });

    it('words a whole refusal in the agent language, states and action included', () => {
        installLabels({
            Softphone_Connector_Wrong_State:
                'Impossible de {0} l’appel « {1} » : il est {2} (requis : {3}).',
            Softphone_Connector_Either: '{0} ou {1}',
            Softphone_Connector_Action_Hold: 'mettre en attente',
            Softphone_Connector_State_Ringing: 'en sonnerie',
            Softphone_Connector_State_Connected: 'en communication',
            Softphone_Connector_State_Held: 'en attente'
        });
        expect(
            callStateRefusal(actionWord('hold'), 'c1', 'ringing', ['connected', 'held'])?.message
        ).toBe(
            'Impossible de mettre en attente l’appel « c1 » : il est en sonnerie (requis : en communication ou en attente).'
        );
        expect(callStateRefusal('hold', 'c1', 'held', ['connected', 'held'])).toBeUndefined();
    });

    it('words the simulator and listener checks in the agent language', () => {
        installLabels({
            Softphone_Simulator_Bad_Number:
                '「{1}」に{0}できません: 番号には数字が1つ以上必要です。',
            Softphone_Connector_Action_Transfer_To: '転送',
            Softphone_Listener_Agent_Id_Needed: 'エージェント ID を入力してください。'
        });
        expect(numberRefusal('abc', 'transferTo')?.message).toBe(
            '「abc」に転送できません: 番号には数字が1つ以上必要です。'
        );
        expect(validateListenerCredentials({ agent: ' ', token: 'x' })).toEqual({
            ok: false,
            field: 'agent',
            message: 'エージェント ID を入力してください。'
        });
    });
});
