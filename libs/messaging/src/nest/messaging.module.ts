import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypedPublisher } from '../publisher/typed-publisher';
import { MessageTransport } from '../transport/transport.types';

export const MESSAGE_TRANSPORT = Symbol('MESSAGE_TRANSPORT');

/** Makes the process' transport and a `TypedPublisher` over it injectable everywhere. */
@Global()
@Module({})
export class MessagingModule {
  static forTransport(transport: MessageTransport): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGE_TRANSPORT, useValue: transport },
        { provide: TypedPublisher, useValue: new TypedPublisher(transport) },
      ],
      exports: [MESSAGE_TRANSPORT, TypedPublisher],
    };
  }
}
