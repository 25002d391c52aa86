import { callerIdPolicyFor } from './caller-id-policy';

describe('callerIdPolicyFor', () => {
    it('trusts the hosts of the WebSocket URL, the outbound proxy and the domain', () => {
        expect(
            callerIdPolicyFor({
                webSocketUrl: 'wss://WS.example.com:8089/ws',
                domain: 'PBX.example.com',
                outboundProxy: 'sip:edge@proxy.example.com:5060;transport=ws',
                registerExpiresSeconds: 600,
                iceServers: [],
                assertedIdentityTrust: 'Off',
                privacy: 'Show'
            })
        ).toEqual({
            assertedIdentityTrust: 'Off',
            privacy: 'Show',
            serverHosts: ['ws.example.com', 'proxy.example.com', 'pbx.example.com']
        });
    });

    it('defaults to Proxy and Withhold, and reads IPv6 hosts without brackets', () => {
        expect(
            callerIdPolicyFor({
                webSocketUrl: 'ws://[::1]:8080',
                domain: 'pbx',
                registerExpiresSeconds: 600,
                iceServers: []
            })
        ).toEqual({
            assertedIdentityTrust: 'Proxy',
            privacy: 'Withhold',
            serverHosts: ['::1', 'pbx']
        });
    });
});
