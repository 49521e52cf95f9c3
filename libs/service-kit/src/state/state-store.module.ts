import { DynamicModule, Global, Module } from '@nestjs/common';
import { StateStore } from '@sift/state';

export const STATE_STORE = Symbol('STATE_STORE');

/** Makes the process' state store (Redis, or memory in the embedded mode) injectable everywhere. */
@Global()
@Module({})
export class StateStoreModule {
  static forStore(store: StateStore): DynamicModule {
    return {
      module: StateStoreModule,
      providers: [{ provide: STATE_STORE, useValue: store }],
      exports: [STATE_STORE],
    };
  }
}
